-- Every object of the prisma_compile extension, one line each, in a form that
-- does not depend on OIDs: what \dx+ lists (the members, through pg_depend
-- deptype 'e'), and for each member what its declaration says.  The upgrade
-- suite (scripts/suites/40-upgrade.sh) runs this in a freshly installed
-- database and in one updated from an older version; the two must be equal.
WITH ext AS (
	SELECT * FROM pg_extension WHERE extname = 'prisma_compile'
), member AS (
	SELECT d.classid, d.objid, d.objsubid,
		   pg_describe_object(d.classid, d.objid, d.objsubid) AS descr
	FROM pg_depend d, ext
	WHERE d.refclassid = 'pg_extension'::regclass AND d.refobjid = ext.oid
	  AND d.deptype = 'e'
), line AS (
	-- the extension itself
	SELECT 'extension prisma_compile' AS descr,
		   format('version=%s relocatable=%s schema=%s config=%s condition=%s',
				  extversion, extrelocatable, extnamespace::regnamespace,
				  (SELECT array_agg(c::regclass::text ORDER BY c::regclass::text)
				   FROM unnest(extconfig) c),
				  extcondition) AS detail
	FROM ext
	UNION ALL
	-- membership alone (catches members of a class not detailed below)
	SELECT m.descr, 'member' FROM member m
	UNION ALL
	-- functions, procedures and aggregates: everything CREATE FUNCTION says
	SELECT m.descr,
		   format('args=(%s) returns=%s kind=%s volatile=%s strict=%s parallel=%s '
				  'secdef=%s leakproof=%s cost=%s rows=%s support=%s lang=%s '
				  'symbol=%s bin=%s config=%s owner=%s acl=%s',
				  pg_get_function_arguments(p.oid),
				  pg_get_function_result(p.oid), p.prokind, p.provolatile,
				  p.proisstrict, p.proparallel, p.prosecdef, p.proleakproof,
				  p.procost, p.prorows, p.prosupport::regprocedure,
				  l.lanname, CASE WHEN l.lanname = 'c' THEN p.prosrc END,
				  p.probin, p.proconfig, p.proowner::regrole, p.proacl)
	FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	JOIN pg_language l ON l.oid = p.prolang
	UNION ALL
	-- bodies of SQL and PL functions
	SELECT m.descr, 'body=' || md5(p.prosrc)
	FROM member m JOIN pg_proc p ON m.classid = 'pg_proc'::regclass AND p.oid = m.objid
	JOIN pg_language l ON l.oid = p.prolang
	WHERE l.lanname NOT IN ('c', 'internal')
	UNION ALL
	-- aggregates: their support functions and state
	SELECT m.descr,
		   format('aggkind=%s direct=%s sfunc=%s stype=%s sspace=%s final=%s '
				  'finalextra=%s finalmodify=%s combine=%s serial=%s deserial=%s '
				  'init=%s msfunc=%s minvfunc=%s mfinal=%s mstype=%s minit=%s sortop=%s',
				  a.aggkind, a.aggnumdirectargs, a.aggtransfn::regprocedure,
				  a.aggtranstype::regtype, a.aggtransspace,
				  a.aggfinalfn::regprocedure, a.aggfinalextra, a.aggfinalmodify,
				  a.aggcombinefn::regprocedure, a.aggserialfn::regprocedure,
				  a.aggdeserialfn::regprocedure, a.agginitval,
				  a.aggmtransfn::regprocedure, a.aggminvtransfn::regprocedure,
				  a.aggmfinalfn::regprocedure, a.aggmtranstype::regtype,
				  a.aggminitval, a.aggsortop::regoperator)
	FROM member m JOIN pg_aggregate a ON m.classid = 'pg_proc'::regclass AND a.aggfnoid = m.objid
	UNION ALL
	-- types
	SELECT m.descr,
		   format('type=%s len=%s byval=%s category=%s preferred=%s delim=%s '
				  'in=%s out=%s recv=%s send=%s typmodin=%s typmodout=%s '
				  'analyze=%s subscript=%s elem=%s array=%s align=%s storage=%s '
				  'notnull=%s base=%s typmod=%s collation=%s default=%s owner=%s acl=%s',
				  t.typtype, t.typlen, t.typbyval, t.typcategory, t.typispreferred,
				  t.typdelim, t.typinput::regprocedure, t.typoutput::regprocedure,
				  t.typreceive::regprocedure, t.typsend::regprocedure,
				  t.typmodin::regprocedure, t.typmodout::regprocedure,
				  t.typanalyze::regprocedure, t.typsubscript::regprocedure,
				  t.typelem::regtype, t.typarray::regtype, t.typalign, t.typstorage,
				  t.typnotnull, t.typbasetype::regtype, t.typtypmod, t.typcollation,
				  t.typdefault, t.typowner::regrole, t.typacl)
	FROM member m JOIN pg_type t ON m.classid = 'pg_type'::regclass AND t.oid = m.objid
	UNION ALL
	-- enum labels, in order
	SELECT m.descr, format('label %s=%s', e.enumsortorder, e.enumlabel)
	FROM member m JOIN pg_enum e ON m.classid = 'pg_type'::regclass AND e.enumtypid = m.objid
	UNION ALL
	-- tables, views, sequences, indexes
	SELECT m.descr,
		   format('relkind=%s persistence=%s options=%s rls=%s forcerls=%s owner=%s acl=%s',
				  c.relkind, c.relpersistence, c.reloptions, c.relrowsecurity,
				  c.relforcerowsecurity, c.relowner::regrole, c.relacl)
	FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	UNION ALL
	-- their columns, in order
	SELECT m.descr,
		   format('column %s %s type=%s notnull=%s default=%s identity=%s generated=%s '
				  'collation=%s acl=%s',
				  a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),
				  a.attnotnull, pg_get_expr(ad.adbin, ad.adrelid), a.attidentity,
				  a.attgenerated, a.attcollation::regcollation, a.attacl)
	FROM member m JOIN pg_attribute a ON m.classid = 'pg_class'::regclass AND a.attrelid = m.objid
	LEFT JOIN pg_attrdef ad ON ad.adrelid = a.attrelid AND ad.adnum = a.attnum
	WHERE a.attnum > 0 AND NOT a.attisdropped
	UNION ALL
	-- their constraints, indexes, triggers, policies, and view definitions
	SELECT m.descr, format('constraint %s %s', co.conname, pg_get_constraintdef(co.oid))
	FROM member m JOIN pg_constraint co ON m.classid = 'pg_class'::regclass AND co.conrelid = m.objid
	UNION ALL
	SELECT m.descr, 'index ' || pg_get_indexdef(i.indexrelid)
	FROM member m JOIN pg_index i ON m.classid = 'pg_class'::regclass AND i.indrelid = m.objid
	UNION ALL
	SELECT m.descr, 'trigger ' || pg_get_triggerdef(tg.oid)
	FROM member m JOIN pg_trigger tg ON m.classid = 'pg_class'::regclass AND tg.tgrelid = m.objid
	UNION ALL
	SELECT m.descr, format('policy %s cmd=%s permissive=%s roles=%s using=%s check=%s',
						   po.polname, po.polcmd, po.polpermissive,
						   (SELECT array_agg(r::regrole::text ORDER BY r::regrole::text) FROM unnest(po.polroles) r),
						   pg_get_expr(po.polqual, po.polrelid),
						   pg_get_expr(po.polwithcheck, po.polrelid))
	FROM member m JOIN pg_policy po ON m.classid = 'pg_class'::regclass AND po.polrelid = m.objid
	UNION ALL
	SELECT m.descr, 'view ' || pg_get_viewdef(m.objid)
	FROM member m JOIN pg_class c ON m.classid = 'pg_class'::regclass AND c.oid = m.objid
	WHERE c.relkind IN ('v', 'm')
	UNION ALL
	-- schemas
	SELECT m.descr, format('owner=%s acl=%s', n.nspowner::regrole, n.nspacl)
	FROM member m JOIN pg_namespace n ON m.classid = 'pg_namespace'::regclass AND n.oid = m.objid
	UNION ALL
	-- operators and casts
	SELECT m.descr,
		   format('kind=%s left=%s right=%s result=%s code=%s commutator=%s negator=%s '
				  'restrict=%s join=%s merges=%s hashes=%s',
				  o.oprkind, o.oprleft::regtype, o.oprright::regtype,
				  o.oprresult::regtype, o.oprcode::regprocedure,
				  o.oprcom::regoperator, o.oprnegate::regoperator,
				  o.oprrest::regprocedure, o.oprjoin::regprocedure,
				  o.oprcanmerge, o.oprcanhash)
	FROM member m JOIN pg_operator o ON m.classid = 'pg_operator'::regclass AND o.oid = m.objid
	UNION ALL
	SELECT m.descr, format('func=%s context=%s method=%s',
						   ca.castfunc::regprocedure, ca.castcontext, ca.castmethod)
	FROM member m JOIN pg_cast ca ON m.classid = 'pg_cast'::regclass AND ca.oid = m.objid
	UNION ALL
	-- comments (COMMENT ON) of members and their columns
	SELECT m.descr, format('comment %s=%s', ds.objsubid, ds.description)
	FROM member m JOIN pg_description ds ON ds.classoid = m.classid AND ds.objoid = m.objid
	UNION ALL
	-- the privileges pg_dump takes as the extension's own (pg_init_privs)
	SELECT m.descr, format('init_privs %s %s=%s', ip.objsubid, ip.privtype, ip.initprivs)
	FROM member m JOIN pg_init_privs ip ON ip.classoid = m.classid AND ip.objoid = m.objid
)
SELECT descr || ' | ' || detail FROM line ORDER BY 1;
