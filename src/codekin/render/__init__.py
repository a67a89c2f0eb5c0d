"""Renderings of results: JSON (stable, documented) and terminal."""
