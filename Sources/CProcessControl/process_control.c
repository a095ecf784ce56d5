#define _GNU_SOURCE
#include "process_control.h"

#include <errno.h>
#include <spawn.h>

#if defined(__linux__)
#include <malloc.h>
#include <sys/prctl.h>

int planingest_set_allocator_thresholds(long mmap_threshold, long trim_threshold) {
  int mapped = mallopt(M_MMAP_THRESHOLD, (int)mmap_threshold);
  int trimmed = mallopt(M_TRIM_THRESHOLD, (int)trim_threshold);
  return mapped == 1 && trimmed == 1 ? 0 : -1;
}

int planingest_spawn_close_from(void *file_actions, int lowest) {
#if defined(__GLIBC__) && (__GLIBC__ > 2 || (__GLIBC__ == 2 && __GLIBC_MINOR__ >= 34))
  return posix_spawn_file_actions_addclosefrom_np((posix_spawn_file_actions_t *)file_actions,
                                                  lowest);
#else
  (void)file_actions;
  (void)lowest;
  return ENOSYS;
#endif
}

int planingest_set_parent_death_signal(int signal) {
  return prctl(PR_SET_PDEATHSIG, (unsigned long)signal, 0UL, 0UL, 0UL);
}
#else
int planingest_spawn_close_from(void *file_actions, int lowest) {
  (void)file_actions;
  (void)lowest;
  return ENOSYS;
}

int planingest_set_allocator_thresholds(long mmap_threshold, long trim_threshold) {
  (void)mmap_threshold;
  (void)trim_threshold;
  return -1;
}

int planingest_set_parent_death_signal(int signal) {
  (void)signal;
  return -1;
}
#endif
