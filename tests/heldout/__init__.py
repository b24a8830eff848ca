"""The held-out test set (FICTIONAL documents) and its answer key; see README.md."""
