/* Wiper: the demo disk and the overwrite passes. */
#include <stdio.h>
#include <string.h>

#include "wiper.h"

void make_demo_disk(struct vdisk *d)
{
    static const char *names[] = {"boot.ini", "report_q3.docx", "budget.xlsx", "notes.txt",
                                  "mail.pst", "photo.jpg", "backup.bak", "db.sql", "readme.md",
                                  "plan.pptx", "vm.vmdk", "keys.kdbx", "scan.pdf", "tool.exe"};
    memset(d->data, 0x20, DISK_SIZE);
    d->data[510] = 0x55;
    d->data[511] = 0xaa;
    uint32_t off = 8 * SECTOR;
    d->nfiles = 0;
    for (unsigned i = 0; i < sizeof(names) / sizeof(names[0]) && d->nfiles < MAX_FILES; i++) {
        struct vfile *f = &d->files[d->nfiles++];
        snprintf(f->name, sizeof(f->name), "%s", names[i]);
        f->size = 1024u + (i * 3187u) % 9000u;
        f->offset = off;
        f->wiped = 0;
        off += (f->size + SECTOR - 1) / SECTOR * SECTOR;
        memset(d->data + f->offset, 'A' + (int)i, f->size);
    }
}

/* pass patterns: zeros, ones, then an LCG stream; the last pass writes the marker */
void fill_pass(uint8_t *buf, size_t n, int pass, uint32_t seed)
{
    if (pass == 0) {
        memset(buf, 0x00, n);
    } else if (pass == 1) {
        memset(buf, 0xff, n);
    } else {
        uint32_t st = seed * 0x2c1b3c6du + (uint32_t)pass;
        for (size_t i = 0; i < n; i++) {
            st = st * 0x343fdu + 0x269ec3u;
            buf[i] = (uint8_t)(st >> 16);
        }
    }
    static const uint8_t marker[16] = {0xde, 0xad, 0xa1, 0xfa, ' ', 'w', 'i', 'p', 'e', 'd', ' ',
                                       0x00, 0x00, 0x00, 0x00, 0x00};
    if (pass == PASSES - 1 && n >= sizeof(marker))
        memcpy(buf, marker, sizeof(marker));
}

int wipe_boot_sector(struct vdisk *d, uint32_t seed)
{
    if (d->data[510] != 0x55 || d->data[511] != 0xaa)
        return -1;
    for (int p = 0; p < PASSES; p++)
        fill_pass(d->data, SECTOR * 4, p, seed);
    /* a boot sector that only prints a message */
    static const uint8_t msg_boot[] = {0xfa, 0x31, 0xc0, 0x8e, 0xd8, 0xbe, 0x10, 0x7c, 0xac,
                                       0x08, 0xc0, 0x74, 0xfe, 0xb4, 0x0e, 0xcd, 0x10, 0xeb, 0xf5};
    memcpy(d->data, msg_boot, sizeof(msg_boot));
    memcpy(d->data + 0x10, "Your disk belongs to us.", 25);
    d->data[510] = 0x55;
    d->data[511] = 0xaa;
    return 0;
}

void wipe_file(struct vdisk *d, struct vfile *f, uint32_t seed)
{
    for (int p = 0; p < PASSES; p++)
        fill_pass(d->data + f->offset, f->size, p, seed ^ f->offset);
    /* rename to random letters so recovery tools cannot match names */
    uint32_t st = seed ^ f->size;
    size_t nl = strlen(f->name);
    for (size_t i = 0; i < nl; i++) {
        st = st * 1664525u + 1013904223u;
        f->name[i] = (char)('a' + (st >> 24) % 26);
    }
    f->wiped = 1;
}
