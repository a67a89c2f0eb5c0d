"""Build of the two compiled parts of extraction: the block walk of function discovery
(src/codekin/disasm/_walk.c) and the reader of iced-x86's instruction records
(src/codekin/disasm/_rawdec.c).

Both are optional: where no C compiler or Python headers are at hand the install goes on without
them, and extraction takes the Python paths (the same results, slower). Metadata lives in
pyproject.toml.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "codekin.disasm._walk",
            ["src/codekin/disasm/_walk.c"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
        Extension(
            "codekin.disasm._rawdec",
            ["src/codekin/disasm/_rawdec.c"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
    ]
)
