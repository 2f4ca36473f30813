"""An OCPP 2.0.1 station's device model as evdesk keeps it, and its EVSEs as evdesk connectors.

**Device model.** NotifyReport (and GetVariables) report variables of components. evdesk
keeps each (component, variable, attribute type) as one configuration key of the station,
so the configuration store, its change feed and the configuration view serve both OCPP
versions. The key spells the address in one line:

    Component[:instance][@evse[.connector]]/Variable[:instance][#AttributeType]

`#Actual` (the usual attribute) is left out. Examples: `OCPPCommCtrlr/HeartbeatInterval`,
`EVSE@1/Power`, `Connector@1.1/ConnectorType`, `SampledDataCtrlr/TxUpdatedInterval#Target`.
Component and variable names are identifiers (no `:@./#`), so the key parses back.

**EVSEs and connectors.** evdesk's connector number of a 2.0.1 (evse id, connector id):
the EVSE id when the connector is the EVSE's first (connector id 1 or not given) — nearly
every 2.0.1 station has one connector per EVSE, and then evdesk's numbers are the EVSE ids
the charger shows; a second connector of an EVSE is `evse + 100 × (connector - 1)`
(EVSE 2 connector 2 → 102). EVSE 0 (the whole station) is connector 0.
"""

from __future__ import annotations

from dataclasses import dataclass

CONNECTOR_STRIDE = 100


def connector_number(evse_id: int | None, connector_id: int | None = None) -> int:
    if not evse_id:
        return 0
    return evse_id + CONNECTOR_STRIDE * (max(connector_id or 1, 1) - 1)


def evse_of(number: int) -> tuple[int, int]:
    """(evse id, connector id) of an evdesk connector number; (0, 0) for the station."""
    if number <= 0:
        return 0, 0
    return number % CONNECTOR_STRIDE or CONNECTOR_STRIDE, (number - 1) // CONNECTOR_STRIDE + 1


@dataclass(frozen=True)
class VariableAddress:
    component: str
    variable: str
    component_instance: str = ""
    variable_instance: str = ""
    evse_id: int | None = None
    connector_id: int | None = None
    attribute: str = "Actual"

    @property
    def key(self) -> str:
        comp = self.component + (f":{self.component_instance}" if self.component_instance else "")
        if self.evse_id is not None:
            comp += f"@{self.evse_id}" + (f".{self.connector_id}" if self.connector_id is not None else "")
        var = self.variable + (f":{self.variable_instance}" if self.variable_instance else "")
        if self.attribute and self.attribute != "Actual":
            var += f"#{self.attribute}"
        return f"{comp}/{var}"

    def component_dict(self) -> dict:
        """As OCPP's ComponentType (camelCase)."""
        out: dict = {"name": self.component}
        if self.component_instance:
            out["instance"] = self.component_instance
        if self.evse_id is not None:
            out["evse"] = {"id": self.evse_id, **({"connectorId": self.connector_id}
                                                   if self.connector_id is not None else {})}
        return out

    def variable_dict(self) -> dict:
        return {"name": self.variable, **({"instance": self.variable_instance} if self.variable_instance else {})}


def parse_key(key: str) -> VariableAddress | None:
    """The address of a device-model key; None for a key that is not one (a 1.6 key)."""
    comp, sep, var = key.partition("/")
    if not sep or not comp or not var:
        return None
    attribute = "Actual"
    if "#" in var:
        var, attribute = var.split("#", 1)
    variable, _, variable_instance = var.partition(":")
    evse_id = connector_id = None
    if "@" in comp:
        comp, where = comp.split("@", 1)
        evse, _, conn = where.partition(".")
        try:
            evse_id = int(evse)
            connector_id = int(conn) if conn else None
        except ValueError:
            return None
    component, _, component_instance = comp.partition(":")
    if not component or not variable:
        return None
    return VariableAddress(component, variable, component_instance, variable_instance, evse_id, connector_id,
                           attribute or "Actual")


def address_from_ocpp(component: dict, variable: dict, attribute: str | None = None) -> VariableAddress:
    """From a snake_case ComponentType / VariableType as the handlers get them."""
    evse = component.get("evse") or {}
    return VariableAddress(
        str(component.get("name", ""))[:50], str(variable.get("name", ""))[:50],
        str(component.get("instance") or "")[:50], str(variable.get("instance") or "")[:50],
        evse.get("id"), evse.get("connector_id"), attribute or "Actual")
