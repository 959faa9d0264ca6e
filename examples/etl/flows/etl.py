"""A small flow used by the example stacks (stacks/s3-deployments.ts uploads this directory)."""
from prefect import flow, task


@task
def extract(full_refresh: bool) -> list[int]:
    return list(range(10 if full_refresh else 3))


@task
def load(rows: list[int]) -> int:
    return len(rows)


@flow(log_prints=True)
def etl(full_refresh: bool = False) -> int:
    loaded = load(extract(full_refresh))
    print(f"loaded {loaded} rows")
    return loaded
