"""speech-wizard (心得发言向导): assemble a training-reflection speech from a TOML record."""

__version__ = "0.1.0"
