"""Archive backfills: WARC files read, extracted, de-duplicated and clustered into stories with Spark.

``spark`` holds the job; ``warc_records`` reads and extracts inside executors; ``blocking`` finds
story candidates (shared heavy terms within time windows, MinHash LSH bands); ``resolve`` turns each
connected block into stories with the online clusterer; ``sinks`` write to the store or Parquet.
"""
