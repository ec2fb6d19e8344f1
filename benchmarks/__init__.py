"""Speed, load and memory figures of the project, run from the repository root as `python -m benchmarks.<name>`."""
