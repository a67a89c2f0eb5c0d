"""Fingerprints: per function an exact hash, a MinHash signature with LSH bands, and what ranking
needs; per sample the file-level hashes. Computed in bulk over a binary's columnar tables."""

from codekin.fingerprint.features import FINGERPRINT_CONFIG, FINGERPRINT_VERSION, FunctionPrints, fingerprint

__all__ = ["FINGERPRINT_CONFIG", "FINGERPRINT_VERSION", "FunctionPrints", "fingerprint"]
