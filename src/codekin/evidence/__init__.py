"""Evidence beyond raw matches: library knowledge (and, later, calibration and false-flag checks)."""
