"""Demo content for ``manage.py seed_demo``: plain data modules and the functions that load them.

Every builder is idempotent: it looks existing rows up by a natural key (slug, name,
translation) and only writes when the stored content differs from the data here.
"""
