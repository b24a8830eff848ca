"""Scale: the same extraction and alignment on a Ray cluster (``--engine ray``).

Ray is an optional extra (``pip install 'rashomon[ray]'``); nothing here imports it until a
Ray engine is opened.  ``partition`` and ``align_split`` need no Ray at all.
"""

from rashomon.scale.align import align_split
from rashomon.scale.engine import RayEngine
from rashomon.scale.partition import partition
from rashomon.scale.session import require_ray

__all__ = ["RayEngine", "align_split", "partition", "require_ray"]
