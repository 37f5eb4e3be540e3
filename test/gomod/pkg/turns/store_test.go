package turns

import (
	"regexp"
	"strings"
	"testing"
)

func TestListFiltersByConversation(t *testing.T) {
	s := &Store{}
	s.Save(TurnSnapshot{RunID: "a", TurnID: "1", CreatedAtMs: 1})
	s.Save(TurnSnapshot{RunID: "b", TurnID: "2", CreatedAtMs: 2})
	s.Save(TurnSnapshot{RunID: "a", TurnID: "3", CreatedAtMs: 3})
	got := s.List(TurnQuery{RunID: "a"})
	if len(got) != 2 || got[0].TurnID != "3" {
		t.Fatalf("got %+v", got)
	}
	if ids := s.DistinctRuns(); strings.Join(ids, ",") != "a,b" {
		t.Fatalf("distinct %v", ids)
	}
}

var column = regexp.MustCompile(`(?m)^\s*([a-z_]+) (TEXT|INTEGER)`)

// Every column the query reads is declared by the schema, whatever it is called.
func TestQueryMatchesSchema(t *testing.T) {
	declared := map[string]bool{}
	for _, m := range column.FindAllStringSubmatch(Schema(), -1) {
		declared[m[1]] = true
	}
	cols := strings.Split(strings.TrimPrefix(strings.Split(selectTurns, " FROM ")[0], "SELECT "), ", ")
	for _, c := range cols {
		if !declared[c] {
			t.Fatalf("query column %q not in schema %v", c, declared)
		}
	}
	index := regexp.MustCompile(`ON turns\(([a-z_]+),`).FindStringSubmatch(Schema())
	if index == nil || !declared[index[1]] {
		t.Fatalf("index column not declared: %v", index)
	}
}

func TestMigrationRenamesTheOldColumn(t *testing.T) {
	if !strings.Contains(migrateToSessionID, "RENAME COLUMN run_id TO session_id") {
		t.Fatalf("migration: %s", migrateToSessionID)
	}
	if !strings.Contains(migrateToSessionID, "DROP INDEX IF EXISTS turns_by_run;") {
		t.Fatalf("migration: %s", migrateToSessionID)
	}
}
