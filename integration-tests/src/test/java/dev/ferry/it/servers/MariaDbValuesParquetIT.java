package dev.ferry.it.servers;

/** MariaDB's whole value matrix again, exported and imported in Parquet. */
class MariaDbValuesParquetIT extends MariaDbValuesIT {

    @Override
    String format() {
        return "parquet";
    }
}
