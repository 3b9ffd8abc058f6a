package stateswitch

type State int

const (
	Idle State = iota
	Running
	Done
)

type Transition struct {
	From, To State
	Reason   string
}

type Machine struct {
	state  State
	events chan Transition
}

func NewMachine(buffer int) *Machine {
	return &Machine{state: Idle, events: make(chan Transition, buffer)}
}

func (m *Machine) Events() <-chan Transition {
	return m.events
}

func (m *Machine) Move(to State, reason string) bool {
	from := m.state
	switch {
	case from == Done:
		return false
	case to == Done:
		close(m.events)
	case to <= from:
		return false
	}
	m.state = to
	m.events <- Transition{From: from, To: to, Reason: reason}
	return true
}
