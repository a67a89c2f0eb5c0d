/* codekin.store._lshmerge: the LSH look-up's candidate pairs, merged in C.
 *
 * Why our own C: each query function's band keys point at up to BANDS ranges of the index's
 * (key, function id) table, each range sorted by id. The pairs wanted are the distinct
 * (query function, id) pairs, sorted. In numpy that is an expansion of every range into a pair
 * column, then a sort of the whole column and a de-duplication (store/memindex.py, unique_pairs):
 * about 2 ms of a median dev-set query. Here the few sorted ranges of each query function are
 * merged directly, repeats dropped as they meet, into columns the caller sized: no expansion and no
 * sort. The same pairs in the same order (tests/test_kernels.py).
 *
 * Arrays come through the buffer protocol (no numpy headers at build time); every range is checked
 * against the table before it is read.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

#define MAX_RUNS 64

/* restore the heap order below slot i (heap: run indices, hv: each run's current value) */
static inline void sift(int *heap, const int64_t *hv, int n, int i) {
    int x = heap[i];
    int64_t v = hv[x];
    for (;;) {
        int c = 2 * i + 1;
        if (c >= n)
            break;
        if (c + 1 < n && hv[heap[c + 1]] < hv[heap[c]])
            c++;
        if (hv[heap[c]] >= v)
            break;
        heap[i] = heap[c];
        i = c;
    }
    heap[i] = x;
}

static int get(PyObject *obj, Py_buffer *view, int writable) {
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0)) < 0)
        return -1;
    if (view->itemsize != 8 || view->len % 8) {
        PyErr_SetString(PyExc_ValueError, "merge: int64 arrays expected");
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

/* merge(lo, hi, qi, table, out_qi, out_id) -> n: for each run of equal qi (qi non-decreasing), the
 * distinct values of table[lo[k]:hi[k]] over the run's ranges (each range sorted ascending), in
 * ascending order, written as (qi, value) pairs; out_* hold at least sum(hi - lo) entries. */
static PyObject *py_merge(PyObject *self, PyObject *args) {
    PyObject *objs[6];
    (void)self;
    if (!PyArg_ParseTuple(args, "OOOOOO", &objs[0], &objs[1], &objs[2], &objs[3], &objs[4], &objs[5]))
        return NULL;
    Py_buffer v[6];
    int got = 0;
    PyObject *ret = NULL;
    for (; got < 6; got++)
        if (get(objs[got], &v[got], got >= 4) < 0)
            goto done;
    const int64_t *lo = v[0].buf, *hi = v[1].buf, *qi = v[2].buf, *table = v[3].buf;
    int64_t *oq = v[4].buf, *oid = v[5].buf;
    Py_ssize_t m = v[0].len / 8, nt = v[3].len / 8, cap = v[4].len / 8;
    if (v[1].len / 8 != m || v[2].len / 8 != m || v[5].len / 8 != cap) {
        PyErr_SetString(PyExc_ValueError, "merge: column lengths disagree");
        goto done;
    }
    Py_ssize_t need = 0;
    for (Py_ssize_t k = 0; k < m; k++) {
        if (lo[k] < 0 || lo[k] > hi[k] || hi[k] > nt || (k && qi[k] < qi[k - 1])) {
            PyErr_SetString(PyExc_ValueError, "merge: a range outside the table, or query rows out of order");
            goto done;
        }
        need += hi[k] - lo[k];
    }
    if (need > cap) {
        PyErr_SetString(PyExc_ValueError, "merge: output columns too short");
        goto done;
    }
    Py_ssize_t n = 0;
    Py_BEGIN_ALLOW_THREADS
    int64_t pos[MAX_RUNS], end[MAX_RUNS];
    Py_ssize_t k = 0;
    while (k < m) {
        Py_ssize_t g = k;
        int64_t q = qi[k];
        while (k < m && qi[k] == q)
            k++;
        /* the group's ranges, MAX_RUNS at a time (a query row has at most BANDS of them; more would
         * only come from a caller that repeats rows: merged in turns, then each turn's output again) */
        Py_ssize_t start = n;
        for (Py_ssize_t a = g; a < k; a += MAX_RUNS) {
            int nr = 0;
            for (Py_ssize_t j = a; j < k && j < a + MAX_RUNS; j++)
                if (lo[j] < hi[j]) {
                    pos[nr] = lo[j];
                    end[nr] = hi[j];
                    nr++;
                }
            int first_turn = a == g;
            Py_ssize_t turn_start = n;
            /* a binary min-heap of the runs by their current value: log2(runs) steps per value */
            int heap[MAX_RUNS];
            int64_t hv[MAX_RUNS];
            for (int r = 0; r < nr; r++) {
                heap[r] = r;
                hv[r] = table[pos[r]];
            }
            for (int r = nr / 2 - 1; r >= 0; r--)
                sift(heap, hv, nr, r);
            while (nr) {
                int best = heap[0];
                int64_t bv = hv[best];
                if (n == turn_start || oid[n - 1] != bv) {
                    oq[n] = q;
                    oid[n] = bv;
                    n++;
                }
                if (++pos[best] == end[best]) {
                    heap[0] = heap[--nr];
                } else {
                    hv[best] = table[pos[best]];
                }
                if (nr)
                    sift(heap, hv, nr, 0);
            }
            if (!first_turn) {
                /* merge this turn's sorted output into the group's earlier sorted output: insertion
                 * from the back (rare path; groups above MAX_RUNS ranges do not occur in the store) */
                for (Py_ssize_t i = turn_start; i < n; i++) {
                    int64_t x = oid[i];
                    Py_ssize_t j = i;
                    while (j > start && oid[j - 1] > x) {
                        oid[j] = oid[j - 1];
                        j--;
                    }
                    oid[j] = x;
                }
                Py_ssize_t w = start;
                for (Py_ssize_t i = start; i < n; i++)
                    if (i == start || oid[i] != oid[w - 1])
                        oid[w++] = oid[i];
                n = w;
            }
        }
    }
    Py_END_ALLOW_THREADS
    ret = PyLong_FromSsize_t(n);
done:
    while (got-- > 0)
        PyBuffer_Release(&v[got]);
    return ret;
}

static PyMethodDef methods[] = {
    {"merge", py_merge, METH_VARARGS,
     "merge(lo, hi, qi, table, out_qi, out_id) -> n: distinct sorted (qi, id) pairs of the ranges"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_lshmerge", "LSH candidate pairs merged in C", -1,
                                    methods};

PyMODINIT_FUNC PyInit__lshmerge(void) { return PyModule_Create(&module); }
