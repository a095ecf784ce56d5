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

/// Adds to a `posix_spawn_file_actions_t` (passed untyped) the closing of every descriptor
/// from `lowest` up in the child (glibc's `posix_spawn_file_actions_addclosefrom_np`,
/// which Swift's Glibc module does not show). Returns 0, or an error number; ENOSYS where
/// the C library has no such action.
int planingest_spawn_close_from(void *file_actions, int lowest);

#endif
