<#--
  gatos-sql's own productions, included into Calcite's Parser.jj by config.fmpp.
-->

/**
 * Parses PostgreSQL's cast operator {@code ::} and the type after it, appending both to the
 * operator list of the enclosing expression. The operator is {@code SqlLibraryOperators.INFIX_CAST},
 * a binary operator that binds tighter than every arithmetic operator (precedence 94), so
 * {@code -a + b::INTEGER} casts {@code b} alone, as PostgreSQL does.
 */
void InfixCast(List<Object> list, ExprContext exprContext, Span s) :
{
    final SqlDataTypeSpec type;
}
{
    <INFIX_CAST> {
        checkNonQueryExpression(exprContext);
        s.clear().add(this);
    }
    type = DataType() {
        list.add(new SqlParserUtil.ToTreeListItem(SqlLibraryOperators.INFIX_CAST, s.pos()));
        list.add(type);
    }
}
