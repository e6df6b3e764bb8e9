// Reads a Parquet export of gatos-sql with polars (nodejs-polars), an implementation independent of
// ours, and prints what it sees as one JSON object: per table its rows, column types and null
// counts; for events the sum of $.amount, the $.big texts and every (id, ts epoch ms).
// Usage: node read.js DATASET TABLE...
'use strict';
const pl = require('nodejs-polars');

const [dir, ...tables] = process.argv.slice(2);
const scan = (table) => pl.scanParquet(`${dir}/${table}/**/*.parquet`, { hivePartitioning: true }).collectSync();
const out = { tables: {} };
for (const table of tables) {
  const df = scan(table);
  const types = {};
  const nulls = {};
  df.columns.forEach((c, i) => {
    types[c] = String(df.dtypes[i]);
    nulls[c] = df.getColumn(c).nullCount();
  });
  out.tables[table] = { rows: df.height, types, nulls };
}
const events = scan('events');
out.amount_sum = String(events.select(pl.col('payload').str.jsonPathMatch('$.amount').cast(pl.Int64).sum().alias('s'))
  .getColumn('s').get(0));
out.big = events.select(pl.col('payload').str.jsonPathMatch('$.big').alias('b')).getColumn('b').dropNulls().toArray();
out.instants = events.select(pl.col('id'), pl.col('ts').cast(pl.Int64).alias('ms')).sort('id').toRecords()
  .map((r) => [r.id, String(r.ms)]);
process.stdout.write(JSON.stringify(out));
