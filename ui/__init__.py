"""Streamlit-only helpers: translations, shared state, cached loaders and chart builders (never math)."""
