"""One module per step page, plus the summary; ``workspace.PAGES`` lists them in order."""
