/**
 * Gives access to the JSON Schemas (draft 2020-12) of the files gatos-sql writes, bundled as
 * classpath resources beside this package.
 */
package io.gatos.sql.schemas;
