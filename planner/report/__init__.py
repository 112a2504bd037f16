"""The PDF implementation plan."""
