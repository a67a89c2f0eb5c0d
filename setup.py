"""Build of the one compiled part, the block walk of function discovery (src/codekin/disasm/_walk.c).

Optional: where no C compiler or Python headers are at hand the install goes on without it, and
discovery takes the Python walk (the same results, slower). Metadata lives in pyproject.toml.
"""

from setuptools import Extension, setup

setup(
    ext_modules=[
        Extension(
            "codekin.disasm._walk",
            ["src/codekin/disasm/_walk.c"],
            extra_compile_args=["-O2"],
            optional=True,
        )
    ]
)
