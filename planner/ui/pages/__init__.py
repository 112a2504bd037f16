"""One module per step page; ``PAGE_CLASSES`` lists them in order."""
