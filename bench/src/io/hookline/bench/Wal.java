package io.hookline.bench;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * What the cluster's write-ahead log and checkpoints did, as counted since the cluster started: the commits of a
 * scenario wait on its flushes, and all of them together when one stalls. Read at each end of a scenario, the
 * difference says how much was flushed, how long the flushes took and what else was writing meanwhile.
 *
 * @param bytes         WAL written
 * @param fullPages     full-page images in it: whole pages logged on their first change after a checkpoint
 * @param buffersFull   times a session had to write WAL itself because the WAL buffers were full
 * @param syncs         WAL flushes to disk
 * @param syncMillis    time spent in them ({@code track_wal_io_timing})
 * @param checkpoints   checkpoints, timed and requested
 * @param sessionWrites data pages that sessions wrote themselves to free a buffer
 */
record Wal(long bytes, long fullPages, long buffersFull, long syncs, double syncMillis, long checkpoints,
           long sessionWrites) {

    static Wal read(Connection db) throws SQLException {
        try (Statement query = db.createStatement();
             ResultSet row = query.executeQuery("select w.wal_bytes, w.wal_fpi, w.wal_buffers_full, w.wal_sync,"
                     + " w.wal_sync_time, b.checkpoints_timed + b.checkpoints_req, b.buffers_backend"
                     + " from pg_stat_wal w, pg_stat_bgwriter b")) {
            row.next();
            return new Wal(row.getLong(1), row.getLong(2), row.getLong(3), row.getLong(4), row.getDouble(5),
                    row.getLong(6), row.getLong(7));
        }
    }

    Wal since(Wal earlier) {
        return new Wal(bytes - earlier.bytes, fullPages - earlier.fullPages, buffersFull - earlier.buffersFull,
                syncs - earlier.syncs, syncMillis - earlier.syncMillis, checkpoints - earlier.checkpoints,
                sessionWrites - earlier.sessionWrites);
    }

    String describe() {
        return String.format("database: %,d MB of WAL, %,d full-page images; %,d flushes, %.2f ms each on average;"
                        + " WAL buffers full %,d times; %d checkpoint(s); %,d pages written by sessions",
                bytes >> 20, fullPages, syncs, syncs == 0 ? 0 : syncMillis / syncs, buffersFull, checkpoints,
                sessionWrites);
    }
}
