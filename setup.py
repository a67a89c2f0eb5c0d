"""Build of codekin's compiled parts: the block walk of function discovery
(src/codekin/disasm/_walk.c), the reader of iced-x86's instruction records
(src/codekin/disasm/_rawdec.c), the MinHash fold of fingerprinting (src/codekin/fingerprint/_minhash.c),
the merge of the in-memory LSH look-up's ranges (src/codekin/store/_lshmerge.c) and the similarity of
the matcher's candidate pairs (src/codekin/match/_pairsim.c).

All are optional: where no C compiler or Python headers are at hand the install goes on without
them, and codekin takes the Python paths (the same results, slower). Metadata lives in
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
        Extension(
            "codekin.fingerprint._minhash",
            ["src/codekin/fingerprint/_minhash.c"],
            extra_compile_args=["-O3"],  # -O3: the minimum over a run of features is vectorised
            optional=True,
        ),
        Extension(
            "codekin.store._lshmerge",
            ["src/codekin/store/_lshmerge.c"],
            extra_compile_args=["-O2"],
            optional=True,
        ),
        Extension(
            "codekin.match._pairsim",
            ["src/codekin/match/_pairsim.c"],
            # the blend must round as numpy's separate multiply and add do (no fused multiply-add)
            extra_compile_args=["-O3", "-ffp-contract=off"],
            optional=True,
        ),
    ]
)
