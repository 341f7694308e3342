"""Coding on several processes or a Dask cluster; see :mod:`eventwire.batch.runners`."""
