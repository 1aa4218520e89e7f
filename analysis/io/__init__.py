"""Getting articles in and tables out at scale: the runner, the writers, the batch command, Dask."""
