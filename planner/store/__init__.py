"""The project file (.twplan): save, open, migrate, recover."""
