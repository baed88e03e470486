package xendit_test

import (
	"fmt"
	"go/ast"
	"go/parser"
	"go/token"
	"go/types"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/stretchr/testify/require"

	xendit "github.com/seed19b1029f/xendit-go"
)

// docLinePackages are the product packages whose client methods carry
// "API:" doc lines; every product package belongs here once its lines are
// written.
var docLinePackages = []string{"balance", "cards", "customers", "files", "reports", "snap", "transactions"}

// clientTypes are the receiver types whose exported methods are the
// products' API.
var clientTypes = []string{"Client", "V20200519Client"}

const modulePath = "github.com/seed19b1029f/xendit-go"

// apiLine is the doc line that names a request a method sends:
//
//	// API: POST /credit_card_charges/{credit_card_charge_id}/refunds
var apiLine = regexp.MustCompile(`^API: ([A-Z]+) (/\S*)$`)

// TestMethodsNameWhatTheySend checks every exported method of a product
// client: its closing "API:" doc lines must name exactly the endpoint table
// rows its body reaches, through package variables set by
// xendit.MustEndpoint and through the package's own functions and methods,
// followed transitively.
func TestMethodsNameWhatTheySend(t *testing.T) {
	t.Parallel()
	table := map[string]xendit.Endpoint{}
	rows := map[string]bool{}
	for _, e := range xendit.Endpoints() {
		table[e.ID] = e
		rows[e.Method+" "+e.Path] = true
	}
	for _, dir := range docLinePackages {
		t.Run(dir, func(t *testing.T) {
			t.Parallel()
			checked := 0
			for _, m := range clientMethods(t, dir) {
				checked++
				var sends []string
				for _, id := range m.reaches {
					e, ok := table[id]
					if !ok {
						t.Errorf("%s: reaches %q, which is not in the endpoint table", m.name, id)
						continue
					}
					sends = append(sends, e.Method+" "+e.Path)
				}
				sends = sortedUnique(sends)
				says := sortedUnique(m.docLines)
				for _, l := range says {
					if !rows[l] {
						t.Errorf("%s: doc says %q, which is not a row of the endpoint table", m.name, l)
					}
				}
				for _, p := range m.problems {
					t.Errorf("%s: %s", m.name, p)
				}
				if !slices.Equal(says, sends) {
					t.Errorf("%s: doc says %s, sends %s", m.name, listOrNothing(says), listOrNothing(sends))
				}
			}
			require.NotZero(t, checked, "no client methods found in %s", dir)
		})
	}
}

func listOrNothing(s []string) string {
	if len(s) == 0 {
		return "nothing"
	}
	return strings.Join(s, ", ")
}

func sortedUnique(s []string) []string {
	s = slices.Clone(s)
	slices.Sort(s)
	return slices.Compact(s)
}

// clientMethod is what the test knows of one exported client method.
type clientMethod struct {
	name     string   // "cards.(*Client).CreateRefund"
	docLines []string // "POST /path", from the closing API: lines
	problems []string // misplaced or malformed API: lines
	reaches  []string // endpoint IDs, sorted
}

// clientMethods parses and type-checks the non-test files of dir. Imports
// are not loaded (each is an empty package), so the checker reports errors
// it is told to ignore; what the test needs, which local function, method
// or variable each identifier means, it resolves all the same.
func clientMethods(t *testing.T, dir string) []clientMethod {
	t.Helper()
	fset := token.NewFileSet()
	names, err := filepath.Glob(filepath.Join(dir, "*.go"))
	require.NoError(t, err)
	var files []*ast.File
	for _, name := range names {
		if strings.HasSuffix(name, "_test.go") {
			continue
		}
		f, err := parser.ParseFile(fset, name, nil, parser.ParseComments)
		require.NoError(t, err)
		files = append(files, f)
	}
	require.NotEmpty(t, files, dir)

	info := &types.Info{Defs: map[*ast.Ident]types.Object{}, Uses: map[*ast.Ident]types.Object{}}
	conf := types.Config{Importer: emptyImporter{}, Error: func(error) {}}
	pkg, _ := conf.Check(modulePath+"/"+dir, fset, files, info)

	g := &reachGraph{info: info, pkg: pkg, edges: map[types.Object][]types.Object{}, leaves: map[types.Object][]string{}}
	var methods []*ast.FuncDecl
	for _, f := range files {
		for _, d := range f.Decls {
			switch d := d.(type) {
			case *ast.FuncDecl:
				g.add(info.Defs[d.Name], d.Body)
				if d.Recv != nil && d.Name.IsExported() && slices.Contains(clientTypes, receiverName(d)) {
					methods = append(methods, d)
				}
			case *ast.GenDecl:
				for _, s := range d.Specs {
					if vs, ok := s.(*ast.ValueSpec); ok {
						for _, n := range vs.Names {
							for _, v := range vs.Values {
								g.add(info.Defs[n], v)
							}
						}
					}
				}
			}
		}
	}

	var out []clientMethod
	for _, d := range methods {
		m := clientMethod{name: fmt.Sprintf("%s.(*%s).%s", pkg.Name(), receiverName(d), d.Name.Name)}
		m.docLines, m.problems = docAPILines(d.Doc)
		m.reaches = g.reach(info.Defs[d.Name])
		out = append(out, m)
	}
	return out
}

func receiverName(d *ast.FuncDecl) string {
	typ := d.Recv.List[0].Type
	if s, ok := typ.(*ast.StarExpr); ok {
		typ = s.X
	}
	if ix, ok := typ.(*ast.IndexExpr); ok {
		typ = ix.X
	}
	if id, ok := typ.(*ast.Ident); ok {
		return id.Name
	}
	return ""
}

// docAPILines returns the "METHOD /path" of the API: lines closing doc, and
// a problem for each API: line that is malformed or not among the closing
// lines.
func docAPILines(doc *ast.CommentGroup) (lines, problems []string) {
	if doc == nil {
		return nil, nil
	}
	text := strings.Split(strings.TrimRight(doc.Text(), "\n"), "\n")
	closing := len(text)
	for closing > 0 && strings.HasPrefix(text[closing-1], "API:") {
		closing--
	}
	for i, l := range text {
		if !strings.HasPrefix(l, "API:") {
			continue
		}
		m := apiLine.FindStringSubmatch(l)
		switch {
		case i < closing:
			problems = append(problems, fmt.Sprintf("doc line %q is not among the closing lines of the doc comment", l))
		case m == nil:
			problems = append(problems, fmt.Sprintf("doc line %q is not of the form \"API: METHOD /path\"", l))
		default:
			lines = append(lines, m[1]+" "+m[2])
		}
	}
	return lines, problems
}

// reachGraph links the package's functions, methods and package-level
// variables to those their bodies or initialisers use, and to the endpoint
// IDs they name in a call of xendit.MustEndpoint or xendit.LookupEndpoint.
type reachGraph struct {
	info   *types.Info
	pkg    *types.Package
	edges  map[types.Object][]types.Object
	leaves map[types.Object][]string
}

func (g *reachGraph) add(from types.Object, n ast.Node) {
	if from == nil || n == nil {
		return
	}
	ast.Inspect(n, func(n ast.Node) bool {
		switch n := n.(type) {
		case *ast.CallExpr:
			if id, ok := g.endpointID(n); ok {
				g.leaves[from] = append(g.leaves[from], id)
			}
		case *ast.Ident:
			obj := g.info.Uses[n]
			switch o := obj.(type) {
			case *types.Func:
				obj = o.Origin()
			case *types.Var:
				if o.Parent() != g.pkg.Scope() {
					return true // a local, a parameter or a field
				}
				obj = o.Origin()
			default:
				return true
			}
			if obj.Pkg() == g.pkg {
				g.edges[from] = append(g.edges[from], obj)
			}
		}
		return true
	})
}

// endpointID reports the ID of a xendit.MustEndpoint("id") or
// xendit.LookupEndpoint("id") call.
func (g *reachGraph) endpointID(call *ast.CallExpr) (string, bool) {
	sel, ok := call.Fun.(*ast.SelectorExpr)
	if !ok || (sel.Sel.Name != "MustEndpoint" && sel.Sel.Name != "LookupEndpoint") || len(call.Args) != 1 {
		return "", false
	}
	x, ok := sel.X.(*ast.Ident)
	if !ok {
		return "", false
	}
	pn, ok := g.info.Uses[x].(*types.PkgName)
	if !ok || pn.Imported().Path() != modulePath {
		return "", false
	}
	lit, ok := call.Args[0].(*ast.BasicLit)
	if !ok || lit.Kind != token.STRING {
		return "", false
	}
	id, err := strconv.Unquote(lit.Value)
	return id, err == nil
}

// reach returns the endpoint IDs reachable from obj, sorted.
func (g *reachGraph) reach(obj types.Object) []string {
	seen := map[types.Object]bool{}
	var ids []string
	var walk func(types.Object)
	walk = func(o types.Object) {
		if seen[o] {
			return
		}
		seen[o] = true
		ids = append(ids, g.leaves[o]...)
		for _, next := range g.edges[o] {
			walk(next)
		}
	}
	walk(obj)
	return sortedUnique(ids)
}

// emptyImporter stands in for every import with an empty package of the
// right name, so that xendit.MustEndpoint still resolves to the package
// name "xendit" and its import path.
type emptyImporter struct{}

func (emptyImporter) Import(path string) (*types.Package, error) {
	name := path[strings.LastIndex(path, "/")+1:]
	if path == modulePath {
		name = "xendit"
	}
	pkg := types.NewPackage(path, name)
	pkg.MarkComplete()
	return pkg, nil
}
