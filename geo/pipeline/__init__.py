"""The pipeline over a corpus, split into tasks: in this process, on local processes, or on a Dask cluster.

Per-article work (recognise and resolve places, read reports) runs in tasks of whole outlets
(:mod:`~geo.pipeline.groups`): an outlet's home and the senses its stories share are judged
from all of its articles, so they always travel together, and each group is read alone, so
its result does not depend on what else a task holds, how many workers there are, or what
the cache already had. The corpus step that joins articles (merging reports) runs after,
here. Tasks run in this process (``workers=1``: no Dask imported), on a pool of local
processes (:func:`dask.delayed`) or on a running ``dask.distributed`` scheduler
(:mod:`~geo.pipeline.execute`); per-article results are cached (:mod:`~geo.pipeline.cache`).
"""

from geo.pipeline.run import Run, incidents_of, places_doc

__all__ = ["Run", "incidents_of", "places_doc"]
