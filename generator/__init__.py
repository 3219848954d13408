"""salesbook: sales knowledge as code."""
