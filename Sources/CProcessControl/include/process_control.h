#ifndef PLANINGEST_PROCESS_CONTROL_H
#define PLANINGEST_PROCESS_CONTROL_H

/// Asks the kernel to send `signal` to this process when the thread that started it
/// ends (Linux `prctl(PR_SET_PDEATHSIG)`, which Swift cannot call: it is variadic).
/// Returns 0 on success, -1 where the system has no such request.
int planingest_set_parent_death_signal(int signal);

/// Sets glibc's allocator to serve blocks up to `mmap_threshold` bytes from its heap
/// (reused once freed) instead of fresh mappings, and to give heap memory back to the
/// kernel only when `trim_threshold` bytes lie free at its top (`mallopt`, which Swift's
/// Glibc module does not show). Returns 0 when both were taken, -1 otherwise.
int planingest_set_allocator_thresholds(long mmap_threshold, long trim_threshold);

#endif
