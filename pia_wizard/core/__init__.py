"""The domain core. Nothing under this package may import Qt (a test enforces it)."""
