"""Pure-Python domain of the planner: no Qt, no database, no PDF library."""
