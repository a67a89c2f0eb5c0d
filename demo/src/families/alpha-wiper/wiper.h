/* APT-Alpha "Wiper" family: overwrites a disk's boot sector and the user's documents, compresses
 * a report of what it destroyed and sends it over the fake-TLS channel.
 *
 * Demo code: the "disk" is a 256 KiB buffer in memory with a made-up file table; no real file or
 * device is touched and nothing is sent anywhere.
 * Versions (-DTOOL_VERSION=N): 1; 2 (7 passes instead of 3, more extensions, shuffled targets). */
#ifndef WIPER_H
#define WIPER_H

#include <stddef.h>
#include <stdint.h>

#include "alpha.h"

#ifndef TOOL_VERSION
#define TOOL_VERSION 1
#endif

#if TOOL_VERSION >= 2
#define PASSES 7
#else
#define PASSES 3
#endif

#define DISK_SIZE (256 * 1024)
#define SECTOR 512
#define MAX_FILES 64

struct vfile {
    char name[48];
    uint32_t offset;
    uint32_t size;
    uint8_t wiped;
};

struct vdisk {
    uint8_t *data;
    struct vfile files[MAX_FILES];
    unsigned nfiles;
};

/* disk.c */
void make_demo_disk(struct vdisk *d);
void fill_pass(uint8_t *buf, size_t n, int pass, uint32_t seed);
int wipe_boot_sector(struct vdisk *d, uint32_t seed);
void wipe_file(struct vdisk *d, struct vfile *f, uint32_t seed);

/* targets.c */
int match_target_ext(const char *name);
unsigned enumerate_targets(const struct vdisk *d, unsigned *idx, unsigned cap);
void shuffle_targets(unsigned *idx, unsigned n, uint32_t seed);

#endif
