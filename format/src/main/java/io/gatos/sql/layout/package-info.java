/**
 * Names where things live in a GATOS repository (LAYOUT.md): the ref prefix of every plane and the
 * paths inside commit trees. The one place a ref prefix or a tree path is spelled.
 */
package io.gatos.sql.layout;
