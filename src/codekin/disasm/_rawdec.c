/* codekin.disasm._rawdec: iced-x86's instruction records, taken out of its Python objects in C.
 *
 * Why our own C: the linear sweep iterates iced's decoder, which hands each instruction to Python
 * as an ``Instruction`` object. Taking the 40-byte record out of each object through
 * ``Instruction.__getstate__`` (a new bytes object per instruction, joined per batch) cost about
 * 90 ns per instruction on top of the 67 ns that decoding and the object itself cost: more than
 * half of the sweep, and the biggest single cost of extraction (3.1 s of 6.8 s over the 240-build
 * corpus). Here one C loop takes the next object from the decoder, copies its record from the
 * object's memory into one bytes buffer, and drops the object.
 *
 * The record's place in the object is not assumed: ``decoder.py`` finds it at import by comparing
 * the object's memory with ``__getstate__`` on probe instructions of every operand shape it reads,
 * and takes the ``__getstate__`` path where they differ. This function checks each object's type
 * (the exact type it was given) and that the record lies inside the type's fixed size. It reads
 * iced's objects only, never sample bytes.
 */
#define PY_SSIZE_T_CLEAN
#include <Python.h>
#include <string.h>

/* records(iterator, count, type, offset, size) -> bytes: up to ``count`` records of ``size``
 * bytes, each copied from ``offset`` bytes into the next object the iterator yields (all of exact
 * type ``type``); fewer when the iterator ends first. */
static PyObject *records(PyObject *self, PyObject *args) {
    PyObject *it, *type_obj;
    Py_ssize_t count, offset, size;
    (void)self;
    if (!PyArg_ParseTuple(args, "OnOnn", &it, &count, &type_obj, &offset, &size))
        return NULL;
    if (!PyIter_Check(it)) {
        PyErr_SetString(PyExc_TypeError, "records: not an iterator");
        return NULL;
    }
    if (!PyType_Check(type_obj)) {
        PyErr_SetString(PyExc_TypeError, "records: type expected");
        return NULL;
    }
    PyTypeObject *tp = (PyTypeObject *)type_obj;
    if (count < 0 || size <= 0 || offset < (Py_ssize_t)sizeof(PyObject) || tp->tp_itemsize != 0 ||
        offset + size > tp->tp_basicsize || count > PY_SSIZE_T_MAX / size) {
        PyErr_SetString(PyExc_ValueError, "records: record outside the object");
        return NULL;
    }
    PyObject *out = PyBytes_FromStringAndSize(NULL, count * size);
    if (out == NULL)
        return NULL;
    char *dst = PyBytes_AS_STRING(out);
    Py_ssize_t n = 0;
    while (n < count) {
        PyObject *item = PyIter_Next(it);
        if (item == NULL) {
            if (PyErr_Occurred()) {
                Py_DECREF(out);
                return NULL;
            }
            break;
        }
        if (Py_TYPE(item) != tp) {
            Py_DECREF(item);
            Py_DECREF(out);
            PyErr_SetString(PyExc_TypeError, "records: an item of another type");
            return NULL;
        }
        memcpy(dst + n * size, (const char *)item + offset, (size_t)size);
        Py_DECREF(item);
        n++;
    }
    if (n < count && _PyBytes_Resize(&out, n * size) < 0)
        return NULL;
    return out;
}

static PyMethodDef methods[] = {
    {"records", records, METH_VARARGS,
     "records(iterator, count, type, offset, size) -> bytes: each object's fixed-size record, joined"},
    {NULL, NULL, 0, NULL}};

static struct PyModuleDef module = {PyModuleDef_HEAD_INIT, "_rawdec",
                                    "iced-x86 instruction records taken out in C", -1, methods};

PyMODINIT_FUNC PyInit__rawdec(void) { return PyModule_Create(&module); }
