/* Shared by the fuzz targets: the libFuzzer entry point and a scratch file for targets that read paths. */
#ifndef RS_FUZZ_H
#define RS_FUZZ_H

#include <stddef.h>
#include <stdint.h>

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The target's name, for messages (each target defines it). */
extern const char *const FUZZ_NAME;

/* Write data to this process's scratch file (created on first use under
 * $TMPDIR, removed at exit) and return its path, ending in suffix. */
const char *fuzz_scratch(const void *data, size_t size, const char *suffix);

#endif
