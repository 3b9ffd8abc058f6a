package deferredandexplicitclose

import (
	"fmt"
	"strings"
)

type Row struct {
	ID    int
	Email string
}

func (r Row) Validate() error {
	if !strings.Contains(r.Email, "@") {
		return fmt.Errorf("row %d: invalid email %q", r.ID, r.Email)
	}
	return nil
}

func Export(rows []Row, out chan<- Row) error {
	defer close(out)
	for _, r := range rows {
		if err := r.Validate(); err != nil {
			close(out)
			return err
		}
		out <- r
	}
	return nil
}

func Collect(rows []Row) ([]Row, error) {
	out := make(chan Row, len(rows))
	err := Export(rows, out)
	var got []Row
	for r := range out {
		got = append(got, r)
	}
	return got, err
}
