/* codekin.disasm._walk: the block walk of function discovery, compiled.
 *
 * Why our own C: the walk visits every block of every function once (2.9M block visits on the
 * 240-build corpus). In Python each visit is a handful of list, set and bytearray look-ups: 1.65 s
 * of about 9 s of extraction, and 6.5 ms of a median 40 ms dev-set query. No library offers this
 * walk (it is codekin's own rule set: stated extents, tail calls, jump tables), so it is written
 * here once, over the same per-block columns the Python walk reads (buffers of numpy arrays and
 * bytearrays, no copy). The Python walk (`_Analysis._drain_py`) stays as the reference and the
 * fallback where no C compiler was at hand at install time; a test checks both find the same.
 *
 * Only reads bytes that codekin computed itself (block indices validated once in Walker()), never
 * sample bytes directly.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>
#include <string.h>

enum {
    B_SUCC_T, B_SUCC_F, B_EASY_T, B_EASY_F, B_HAS_JT, B_EXTRA, B_HAS_MISSING, B_SFLAG, B_JMP_END,
    B_CHUNK_START, B_BRANGE, B_BIP, B_BFIRST, B_JT_LO, B_JT_HI, B_JT_FLAT, B_CALL_LO, B_CALL_HI,
    B_CALL_T, B_CALL_R, B_OWNED, B_LEADER, B_BLOCK_OF, B_KNOWN, N_BUF
};

/* item size each column must have, and whether it is written */
static const Py_ssize_t ITEMSIZE[N_BUF] = {8, 8, 1, 1, 1, 1, 1, 1, 1, 1, 8, 8, 8, 8, 8, 8, 8, 8, 8, 8, 1, 1, 8, 8};
static const char *NAMES[N_BUF] = {
    "succ_t", "succ_f", "easy_t", "easy_f", "has_jt", "extra", "has_missing", "sflag", "jmp_end",
    "chunk_start", "brange", "bip", "bfirst", "jt_lo", "jt_hi", "jt_flat", "call_lo", "call_hi",
    "call_t", "call_r", "owned", "leader", "block_of", "known"};

typedef struct {
    PyObject_HEAD
    Py_buffer buf[N_BUF];
    int nbuf;            /* buffers acquired (released in dealloc) */
    Py_ssize_t nb;       /* blocks */
    uint32_t *mark;      /* per block: the walk number that last saw it */
    uint32_t epoch;
    int64_t *stack;      /* at most nb entries: a block is pushed once per walk */
    int64_t *order;      /* at most nb entries */
} Walker;

#define I64(w, k) ((const int64_t *)(w)->buf[k].buf)
#define U8(w, k) ((const uint8_t *)(w)->buf[k].buf)

static void Walker_dealloc(Walker *w) {
    for (int i = 0; i < w->nbuf; i++) PyBuffer_Release(&w->buf[i]);
    PyMem_Free(w->mark);
    PyMem_Free(w->stack);
    PyMem_Free(w->order);
    Py_TYPE(w)->tp_free((PyObject *)w);
}

static int check_len(Walker *w, int k, Py_ssize_t want) {
    Py_ssize_t n = w->buf[k].len / ITEMSIZE[k];
    if (n != want) {
        PyErr_Format(PyExc_ValueError, "Walker: %s has %zd items, expected %zd", NAMES[k], n, want);
        return -1;
    }
    return 0;
}

static int check_blocks(Walker *w, int k, int allow_neg) {
    const int64_t *v = I64(w, k);
    Py_ssize_t n = w->buf[k].len / 8;
    for (Py_ssize_t i = 0; i < n; i++) {
        if (v[i] >= w->nb || v[i] < (allow_neg ? -1 : 0)) {
            PyErr_Format(PyExc_ValueError, "Walker: %s[%zd] = %lld is not a block", NAMES[k], i,
                         (long long)v[i]);
            return -1;
        }
    }
    return 0;
}

static int check_spans(Walker *w, int klo, int khi, Py_ssize_t limit) {
    const int64_t *lo = I64(w, klo), *hi = I64(w, khi);
    for (Py_ssize_t i = 0; i < w->nb; i++) {
        if (lo[i] < 0 || hi[i] < lo[i] || hi[i] > limit) {
            PyErr_Format(PyExc_ValueError, "Walker: %s/%s[%zd] out of range", NAMES[klo], NAMES[khi], i);
            return -1;
        }
    }
    return 0;
}

static PyObject *Walker_new(PyTypeObject *type, PyObject *args, PyObject *kwds) {
    if (kwds && PyDict_Size(kwds)) {
        PyErr_SetString(PyExc_TypeError, "Walker takes positional arguments only");
        return NULL;
    }
    if (PyTuple_GET_SIZE(args) != N_BUF) {
        PyErr_Format(PyExc_TypeError, "Walker takes %d buffers", N_BUF);
        return NULL;
    }
    Walker *w = (Walker *)type->tp_alloc(type, 0);
    if (!w) return NULL;
    for (int i = 0; i < N_BUF; i++) {
        int flags = PyBUF_C_CONTIGUOUS | (i == B_OWNED ? PyBUF_WRITABLE : 0);
        if (PyObject_GetBuffer(PyTuple_GET_ITEM(args, i), &w->buf[i], flags) < 0) goto fail;
        w->nbuf = i + 1;
        if (w->buf[i].len % ITEMSIZE[i]) {
            PyErr_Format(PyExc_ValueError, "Walker: %s is not made of %zd-byte items", NAMES[i], ITEMSIZE[i]);
            goto fail;
        }
    }
    w->nb = w->buf[B_SUCC_T].len / 8;
    static const int per_block[] = {B_SUCC_F, B_EASY_T, B_EASY_F, B_HAS_JT, B_EXTRA, B_HAS_MISSING, B_SFLAG,
                                    B_JMP_END, B_CHUNK_START, B_BRANGE, B_BIP, B_BFIRST, B_JT_LO, B_JT_HI,
                                    B_CALL_LO, B_CALL_HI, B_OWNED};
    for (size_t i = 0; i < sizeof(per_block) / sizeof(per_block[0]); i++)
        if (check_len(w, per_block[i], w->nb) < 0) goto fail;
    if (check_len(w, B_CALL_R, w->buf[B_CALL_T].len / 8) < 0) goto fail;
    if (check_len(w, B_BLOCK_OF, w->buf[B_LEADER].len) < 0 || check_blocks(w, B_BLOCK_OF, 0) < 0) goto fail;
    if (check_blocks(w, B_SUCC_T, 1) < 0 || check_blocks(w, B_SUCC_F, 1) < 0 || check_blocks(w, B_JT_FLAT, 0) < 0)
        goto fail;
    if (check_spans(w, B_JT_LO, B_JT_HI, w->buf[B_JT_FLAT].len / 8) < 0 ||
        check_spans(w, B_CALL_LO, B_CALL_HI, w->buf[B_CALL_T].len / 8) < 0)
        goto fail;
    size_t n = (size_t)(w->nb ? w->nb : 1);
    w->mark = PyMem_Calloc(n, sizeof(uint32_t));
    w->stack = PyMem_Malloc(n * sizeof(int64_t));
    w->order = PyMem_Malloc(n * sizeof(int64_t));
    if (!w->mark || !w->stack || !w->order) {
        PyErr_NoMemory();
        goto fail;
    }
    return (PyObject *)w;
fail:
    Py_DECREF(w);
    return NULL;
}

/* Appends v to list; -1 on error. */
static int append_i64(PyObject *list, int64_t v) {
    PyObject *o = PyLong_FromLongLong(v);
    if (!o) return -1;
    int r = PyList_Append(list, o);
    Py_DECREF(o);
    return r;
}

/* One function's walk from block b0 (address a; next_start the next known start, -1 for none).
 * Sets *out to new lists: the blocks in visit order, the direct call targets and their rows, the
 * tail calls as (address, row) tuples and the blocks taken that have off-sweep targets; marks the
 * blocks owned. 0 on success, -1 with an exception set. */
static int walk_core(Walker *w, int64_t b0, int64_t a, int64_t next_start, PyObject *out[5]) {
    const int64_t *succ_t = I64(w, B_SUCC_T), *succ_f = I64(w, B_SUCC_F), *brange = I64(w, B_BRANGE);
    const int64_t *bip = I64(w, B_BIP), *bfirst = I64(w, B_BFIRST);
    const int64_t *jt_lo = I64(w, B_JT_LO), *jt_hi = I64(w, B_JT_HI), *jt_flat = I64(w, B_JT_FLAT);
    const uint8_t *easy_t = U8(w, B_EASY_T), *easy_f = U8(w, B_EASY_F), *has_jt = U8(w, B_HAS_JT);
    const uint8_t *sflag = U8(w, B_SFLAG), *jmp_end = U8(w, B_JMP_END), *chunk_start = U8(w, B_CHUNK_START);
    uint32_t *mark = w->mark;
    int64_t *stack = w->stack, *order = w->order;
    Py_ssize_t nstack = 0, norder = 0;
    uint32_t ep = ++w->epoch;
    if (ep == 0) { /* wrapped: clear the marks once every 4 billion walks */
        memset(mark, 0, (size_t)w->nb * sizeof(uint32_t));
        ep = w->epoch = 1;
    }
    const int64_t own_range = brange[b0];
    const int has_next = next_start >= 0;
    for (int i = 0; i < 5; i++) out[i] = NULL;
    PyObject *tails = PyList_New(0);
    if (!tails) return -1;

#define SEEN(s) (mark[s] == ep)
#define TAKE(s) (mark[s] = ep, order[norder++] = (s))
#define POP_OR_BREAK() do { if (!nstack) goto done; b = stack[--nstack]; } while (0)

    mark[b0] = ep;
    order[norder++] = b0;
    int64_t b = b0;
    for (;;) {
        int64_t s = succ_t[b];
        int64_t succ2[2];
        const int64_t *succ;
        Py_ssize_t nsucc;
        if (s >= 0 && easy_t[b] && !sflag[s]) {
            if (!SEEN(s)) {
                TAKE(s);
                stack[nstack++] = s;
            }
            s = succ_f[b];
            if (s >= 0 && easy_f[b] && !sflag[s]) {
                if (!SEEN(s)) {
                    TAKE(s);
                    b = s;
                    continue;
                }
                POP_OR_BREAK();
                continue;
            }
            succ2[0] = s;
            succ = succ2;
            nsucc = 1;
        } else {
            int64_t s2 = succ_f[b];
            if (s2 < 0 && s < 0) {
                if (!has_jt[b]) {
                    POP_OR_BREAK();
                    continue;
                }
                succ = jt_flat + jt_lo[b];
                nsucc = (Py_ssize_t)(jt_hi[b] - jt_lo[b]);
            } else if (s2 >= 0 && easy_f[b] && !sflag[s2] && s < 0) {
                if (!SEEN(s2)) {
                    TAKE(s2);
                    b = s2;
                    continue;
                }
                POP_OR_BREAK();
                continue;
            } else {
                succ2[0] = s;
                succ2[1] = s2;
                succ = succ2;
                nsucc = 2;
            }
        }
        for (Py_ssize_t i = 0; i < nsucc; i++) {
            int64_t t = succ[i];
            if (t < 0 || SEEN(t)) continue;
            if (own_range >= 0 && brange[t] >= 0 && brange[t] != own_range) continue;
            if ((sflag[t] && t != b0) ||
                (jmp_end[b] && chunk_start[t] && (bip[t] < a || (has_next && next_start <= bip[t])))) {
                PyObject *pair = Py_BuildValue("(LL)", (long long)bip[t], (long long)bfirst[t]);
                if (!pair || PyList_Append(tails, pair) < 0) {
                    Py_XDECREF(pair);
                    Py_DECREF(tails);
                    return -1;
                }
                Py_DECREF(pair);
                continue;
            }
            TAKE(t);
            stack[nstack++] = t;
        }
        POP_OR_BREAK();
    }
done:;
#undef SEEN
#undef TAKE
#undef POP_OR_BREAK
    const uint8_t *extra = U8(w, B_EXTRA), *has_missing = U8(w, B_HAS_MISSING);
    const int64_t *call_lo = I64(w, B_CALL_LO), *call_hi = I64(w, B_CALL_HI);
    const int64_t *call_t = I64(w, B_CALL_T), *call_r = I64(w, B_CALL_R);
    uint8_t *owned = (uint8_t *)w->buf[B_OWNED].buf;
    PyObject *order_l = PyList_New(norder);
    PyObject *ft = PyList_New(0), *fr = PyList_New(0), *miss = PyList_New(0);
    if (!order_l || !ft || !fr || !miss) goto fail;
    for (Py_ssize_t i = 0; i < norder; i++) {
        int64_t blk = order[i];
        PyObject *o = PyLong_FromLongLong(blk);
        if (!o) goto fail;
        PyList_SET_ITEM(order_l, i, o);
        owned[blk] = 1;
        if (extra[blk]) {
            for (int64_t j = call_lo[blk]; j < call_hi[blk]; j++)
                if (append_i64(ft, call_t[j]) < 0 || append_i64(fr, call_r[j]) < 0) goto fail;
            if (has_missing[blk] && append_i64(miss, blk) < 0) goto fail;
        }
    }
    out[0] = order_l;
    out[1] = ft;
    out[2] = fr;
    out[3] = tails;
    out[4] = miss;
    return 0;
fail:
    Py_XDECREF(order_l);
    Py_XDECREF(ft);
    Py_XDECREF(fr);
    Py_XDECREF(miss);
    Py_DECREF(tails);
    return -1;
}

static PyObject *STR_CALL, *STR_TAIL;

/* Appends (addr, why, row) to the queue unless addr is a key of fn_map already. */
static int enqueue(PyObject *queue, PyObject *fn_map, PyObject *addr, PyObject *why, PyObject *row) {
    int has = PyDict_Contains(fn_map, addr);
    if (has) return has < 0 ? -1 : 0;
    PyObject *item = PyTuple_Pack(3, addr, why, row);
    if (!item) return -1;
    int r = PyList_Append(queue, item);
    Py_DECREF(item);
    return r;
}

PyDoc_STRVAR(drain_doc,
"drain(queue, fn_map, weak, limit) -> (walked, off_sweep, missing_blocks)\n\n"
"_Analysis._drain_py's loop: pops (address, why, row) items off the end of queue and walks each\n"
"function not yet in fn_map, storing fn_map[address] = (why, order, call_targets, tail_addresses)\n"
"and queueing its callees (\"call\") and tail calls (\"tail\"). With weak, a start inside a block\n"
"already owned is skipped. Stops after limit walks (the caller checks its time budget and calls\n"
"again while queue is not empty). Returns the number walked, the addresses whose row is -1 (for\n"
"the caller: off-sweep code or none) and the blocks taken that have off-sweep targets.");

static PyObject *Walker_drain(Walker *w, PyObject *args) {
    PyObject *queue, *fn_map;
    int weak;
    Py_ssize_t limit;
    if (!PyArg_ParseTuple(args, "O!O!pn", &PyList_Type, &queue, &PyDict_Type, &fn_map, &weak, &limit)) return NULL;
    const uint8_t *leader = U8(w, B_LEADER), *owned = U8(w, B_OWNED);
    const int64_t *block_of = I64(w, B_BLOCK_OF), *known = I64(w, B_KNOWN);
    const Py_ssize_t nrows = w->buf[B_LEADER].len, nknown = w->buf[B_KNOWN].len / 8;
    PyObject *off = PyList_New(0), *miss_all = PyList_New(0);
    Py_ssize_t walked = 0;
    if (!off || !miss_all) goto fail;
    while (walked < limit) {
        Py_ssize_t n = PyList_GET_SIZE(queue);
        if (!n) break;
        PyObject *item = PyList_GET_ITEM(queue, n - 1);
        Py_INCREF(item);
        if (PyList_SetSlice(queue, n - 1, n, NULL) < 0) {
            Py_DECREF(item);
            goto fail;
        }
        if (!PyTuple_Check(item) || PyTuple_GET_SIZE(item) != 3) {
            Py_DECREF(item);
            PyErr_SetString(PyExc_TypeError, "drain: queue items are (address, why, row)");
            goto fail;
        }
        PyObject *addr = PyTuple_GET_ITEM(item, 0), *why = PyTuple_GET_ITEM(item, 1);
        int has = PyDict_Contains(fn_map, addr);
        if (has) {
            Py_DECREF(item);
            if (has < 0) goto fail;
            continue;
        }
        long long a = PyLong_AsLongLong(addr), r = PyLong_AsLongLong(PyTuple_GET_ITEM(item, 2));
        if ((a == -1 || r == -1) && PyErr_Occurred()) {
            Py_DECREF(item);
            goto fail;
        }
        if (r < 0) {
            int e = PyList_Append(off, addr);
            Py_DECREF(item);
            if (e < 0) goto fail;
            continue;
        }
        if (r >= nrows) {
            Py_DECREF(item);
            PyErr_SetString(PyExc_ValueError, "drain: row out of range");
            goto fail;
        }
        if (!leader[r]) {
            Py_DECREF(item);
            continue;
        }
        int64_t b0 = block_of[r];
        if (weak && owned[b0]) {
            Py_DECREF(item);
            continue;
        }
        walked++;
        /* bisect_right(known, a) */
        Py_ssize_t lo = 0, hi = nknown;
        while (lo < hi) {
            Py_ssize_t mid = (lo + hi) / 2;
            if (a < known[mid]) hi = mid; else lo = mid + 1;
        }
        PyObject *out[5];
        if (walk_core(w, b0, a, lo < nknown ? known[lo] : -1, out) < 0) {
            Py_DECREF(item);
            goto fail;
        }
        PyObject *order_l = out[0], *ft = out[1], *fr = out[2], *tails = out[3], *miss = out[4];
        Py_ssize_t nt = PyList_GET_SIZE(tails);
        PyObject *tail_addrs = PyList_New(nt);
        PyObject *val = NULL;
        int err = !tail_addrs;
        for (Py_ssize_t i = 0; !err && i < nt; i++) {
            PyObject *c = PyTuple_GET_ITEM(PyList_GET_ITEM(tails, i), 0);
            Py_INCREF(c);
            PyList_SET_ITEM(tail_addrs, i, c);
        }
        if (!err) {
            val = PyTuple_Pack(4, why, order_l, ft, tail_addrs);
            err = !val || PyDict_SetItem(fn_map, addr, val) < 0;
        }
        for (Py_ssize_t i = 0; !err && i < PyList_GET_SIZE(ft); i++)
            err = enqueue(queue, fn_map, PyList_GET_ITEM(ft, i), STR_CALL, PyList_GET_ITEM(fr, i)) < 0;
        for (Py_ssize_t i = 0; !err && i < nt; i++) {
            PyObject *pair = PyList_GET_ITEM(tails, i);
            err = enqueue(queue, fn_map, PyTuple_GET_ITEM(pair, 0), STR_TAIL, PyTuple_GET_ITEM(pair, 1)) < 0;
        }
        for (Py_ssize_t i = 0; !err && i < PyList_GET_SIZE(miss); i++)
            err = PyList_Append(miss_all, PyList_GET_ITEM(miss, i)) < 0;
        Py_XDECREF(val);
        Py_XDECREF(tail_addrs);
        for (int i = 0; i < 5; i++) Py_DECREF(out[i]);
        Py_DECREF(item);
        if (err) goto fail;
    }
    return Py_BuildValue("(nNN)", walked, off, miss_all);
fail:
    Py_XDECREF(off);
    Py_XDECREF(miss_all);
    return NULL;
}

static PyMethodDef Walker_methods[] = {
    {"drain", (PyCFunction)Walker_drain, METH_VARARGS, drain_doc},
    {NULL, NULL, 0, NULL},
};

PyDoc_STRVAR(Walker_doc,
"Walker(succ_t, succ_f, easy_t, easy_f, has_jt, extra, has_missing, sflag, jmp_end, chunk_start,\n"
"       brange, bip, bfirst, jt_lo, jt_hi, jt_flat, call_lo, call_hi, call_t, call_r, owned,\n"
"       leader, block_of, known)\n\n"
"The per-block columns of one analysis (int64 or uint8 buffers, one item per block; jt_flat,\n"
"call_t and call_r indexed through the lo/hi spans; leader and block_of one item per row; known the\n"
"sorted known function starts). Holds views, not copies: sflag and owned are read and written live.");

static PyTypeObject WalkerType = {
    PyVarObject_HEAD_INIT(NULL, 0)
    .tp_name = "codekin.disasm._walk.Walker",
    .tp_basicsize = sizeof(Walker),
    .tp_dealloc = (destructor)Walker_dealloc,
    .tp_flags = Py_TPFLAGS_DEFAULT,
    .tp_doc = Walker_doc,
    .tp_methods = Walker_methods,
    .tp_new = Walker_new,
};

static struct PyModuleDef walk_module = {
    PyModuleDef_HEAD_INIT, "codekin.disasm._walk", "The block walk of function discovery, compiled.", -1, NULL,
};

PyMODINIT_FUNC PyInit__walk(void) {
    if (PyType_Ready(&WalkerType) < 0) return NULL;
    STR_CALL = PyUnicode_InternFromString("call");
    STR_TAIL = PyUnicode_InternFromString("tail");
    if (!STR_CALL || !STR_TAIL) return NULL;
    PyObject *m = PyModule_Create(&walk_module);
    if (!m) return NULL;
    Py_INCREF(&WalkerType);
    if (PyModule_AddObject(m, "Walker", (PyObject *)&WalkerType) < 0) {
        Py_DECREF(&WalkerType);
        Py_DECREF(m);
        return NULL;
    }
    return m;
}
