/* codekin.match._pairsim: the similarity of candidate pairs (codekin.match.similarity), in C.
 *
 * Why our own C: a query's candidate pairs run to tens of thousands. In numpy each block of pairs is
 * gathered row by row into buffers (np.take of both signatures), compared word by word into a bool
 * block, counted, and blended through several temporaries: most of the matcher's time in a median
 * dev-set query. Here each pair's two rows are compared where they lie and the blend follows in
 * registers. The blend is the same IEEE double arithmetic in the same order as the numpy path (built
 * with -ffp-contract=off: no fused multiply-add), so the scores are equal bit for bit:
 * tests/test_kernels.py compares the two paths.
 *
 * It reads numpy arrays through the buffer protocol and checks every size and every row index.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <stdint.h>

/* the loop, built three times where the compiler can (AVX-512, AVX2 and the baseline), picked at load */
#if defined(__GNUC__) && !defined(__clang__) && defined(__x86_64__)
#define CLONES __attribute__((target_clones("avx512f", "avx2", "default")))
#else
#define CLONES
#endif

#define EMPTY 0xFFFFFFFFu

/* one pair: the counts of equal words in [0, kc) and [kc, k) */
static inline __attribute__((always_inline)) double one_pair(const uint32_t *a, const uint32_t *b, Py_ssize_t k,
                                                              Py_ssize_t kc, double dw, double one_sided) {
    unsigned c = 0, d = 0;
    for (Py_ssize_t j = 0; j < kc; j++)
        c += a[j] == b[j];
    for (Py_ssize_t j = kc; j < k; j++)
        d += a[j] == b[j];
    double code = (double)c / (double)kc;
    if (k == kc)
        return code;
    int xa = a[kc] == EMPTY, xb = b[kc] == EMPTY;
    if (xa && xb)
        return code;
    if (xa || xb)
        return code / (1.0 + dw * one_sided);
    double data = (double)d / (double)(k - kc);
    return (code + dw * data) / (1.0 + dw);
}

#define PAIR_LOOP(K, KC)                                                                                  \
    for (Py_ssize_t p = 0; p < m; p++) {                                                                 \
        if (ea[ia[p]] == eb[ib[p]])                                                                      \
            out[p] = 1.0;                                                                                \
        else                                                                                             \
            out[p] = one_pair(sa + ia[p] * (K), sb + ib[p] * (K), (K), (KC), dw, one_sided);             \
    }

CLONES static void sims(double *out, Py_ssize_t m, const uint32_t *sa, const int64_t *ia, const uint32_t *sb,
                        const int64_t *ib, const uint64_t *ea, const uint64_t *eb, Py_ssize_t k, Py_ssize_t kc,
                        double dw, double one_sided) {
    if (k == 64 && kc == 40) {
        PAIR_LOOP(64, 40) /* the stored signature of fingerprint version 2: fully unrolled */
    } else {
        PAIR_LOOP(k, kc)
    }
}

static int get(PyObject *obj, Py_buffer *view, Py_ssize_t itemsize, int writable) {
    if (PyObject_GetBuffer(obj, view, PyBUF_C_CONTIGUOUS | PyBUF_FORMAT | (writable ? PyBUF_WRITABLE : 0)) < 0)
        return -1;
    if (view->itemsize != itemsize || view->len % itemsize) {
        PyErr_SetString(PyExc_ValueError, "similarities: an array of another item size");
        PyBuffer_Release(view);
        return -1;
    }
    return 0;
}

static int rows_ok(const int64_t *idx, Py_ssize_t m, Py_ssize_t n) {
    for (Py_ssize_t i = 0; i < m; i++)
        if (idx[i] < 0 || idx[i] >= n)
            return 0;
    return 1;
}

/* similarities(out, sigs_a, ia, sigs_b, ib, exact_a, exact_b, k, k_code, data_weight, one_sided):
 * out[p] (float64) = the similarity of rows sigs_a[ia[p]] and sigs_b[ib[p]] (uint32, k words a row;
 * exact_a and exact_b: the rows' exact hashes, at least as many as each index reaches). */
static PyObject *py_sims(PyObject *self, PyObject *args) {
    PyObject *objs[7];
    Py_ssize_t k, kc;
    double dw, one_sided;
    (void)self;
    if (!PyArg_ParseTuple(args, "OOOOOOOnndd", &objs[0], &objs[1], &objs[2], &objs[3], &objs[4], &objs[5],
                          &objs[6], &k, &kc, &dw, &one_sided))
        return NULL;
    static const Py_ssize_t sizes[7] = {8, 4, 8, 4, 8, 8, 8};
    Py_buffer v[7];
    int got = 0;
    PyObject *ret = NULL;
    for (; got < 7; got++)
        if (get(objs[got], &v[got], sizes[got], got == 0) < 0)
            goto done;
    if (k <= 0 || kc <= 0 || kc > k || v[1].len / 4 % k || v[3].len / 4 % k) {
        PyErr_SetString(PyExc_ValueError, "similarities: signatures of another width");
        goto done;
    }
    Py_ssize_t m = v[0].len / 8;
    Py_ssize_t na = v[1].len / 4 / k, nb = v[3].len / 4 / k;
    if (v[5].len / 8 < na)
        na = v[5].len / 8;
    if (v[6].len / 8 < nb)
        nb = v[6].len / 8;
    if (v[2].len / 8 != m || v[4].len / 8 != m) {
        PyErr_SetString(PyExc_ValueError, "similarities: index arrays of another length than out");
        goto done;
    }
    if (!rows_ok((const int64_t *)v[2].buf, m, na) || !rows_ok((const int64_t *)v[4].buf, m, nb)) {
        PyErr_SetString(PyExc_IndexError, "similarities: a row outside the signatures");
        goto done;
    }
    Py_BEGIN_ALLOW_THREADS
    sims((double *)v[0].buf, m, (const uint32_t *)v[1].buf, (const int64_t *)v[2].buf, (const uint32_t *)v[3].buf,
         (const int64_t *)v[4].buf, (const uint64_t *)v[5].buf, (const uint64_t *)v[6].buf, k, kc, dw, one_sided);
    Py_END_ALLOW_THREADS
    ret = Py_None;
    Py_INCREF(ret);
done:
    while (got-- > 0)
        PyBuffer_Release(&v[got]);
    return ret;
}

static PyMethodDef methods[] = {
    {"similarities", py_sims, METH_VARARGS,
     "similarities(out, sigs_a, ia, sigs_b, ib, exact_a, exact_b, k, k_code, data_weight, one_sided)"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_pairsim", "candidate-pair similarity in C", -1,
                                    methods};

PyMODINIT_FUNC PyInit__pairsim(void) { return PyModule_Create(&module); }
