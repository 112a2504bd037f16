"""Excel files in and out at the edge (issue 20): the task survey's workbooks and replies.

openpyxl is imported inside the functions that write or read a workbook, never when
this package is imported: the window starts without it. The domain decides what a
reply means (``planner/domain/survey.py``); these modules only lay cells out and read
them back as text.
"""
