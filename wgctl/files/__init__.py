"""Reading and writing record files: bounded safe YAML, discovery, the loader, the cache, atomic writes.

Nothing here knows the rules of the terms of reference or who may see what; it turns files into
validated models (and edits back into files) and says exactly where a file is wrong.
"""
