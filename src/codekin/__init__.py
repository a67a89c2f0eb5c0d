"""codekin: open code-reuse attribution for executables."""

__version__ = "0.1.0"
