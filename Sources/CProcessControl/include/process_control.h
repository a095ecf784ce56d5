#ifndef PLANINGEST_PROCESS_CONTROL_H
#define PLANINGEST_PROCESS_CONTROL_H

/// Asks the kernel to send `signal` to this process when the thread that started it
/// ends (Linux `prctl(PR_SET_PDEATHSIG)`, which Swift cannot call: it is variadic).
/// Returns 0 on success, -1 where the system has no such request.
int planingest_set_parent_death_signal(int signal);

#endif
