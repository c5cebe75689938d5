#ifndef CACCORDSHA_H
#define CACCORDSHA_H

#include <stddef.h>
#include <stdint.h>

/// Whether this processor has the SHA extensions (and the SSSE3 and SSE4.1 they are used with):
/// 1 or 0. Always 0 on processors other than x86-64.
int accord_sha256_hardware_available(void);

/// Hashes `blocks` 64-byte blocks at `data` into `state` (the eight working words, host order)
/// with the SHA extensions; `round_constants` are FIPS 180-4's K (the Swift code's table). Call
/// only when `accord_sha256_hardware_available()` is 1.
void accord_sha256_hardware_compress(uint32_t state[8], const uint8_t *data, size_t blocks,
                                     const uint32_t round_constants[64]);

#endif
